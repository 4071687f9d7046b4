"""The Playground tab: real torch optimizers racing on 2-D loss surfaces."""
