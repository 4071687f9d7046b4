"""The Inspect tab: walk through a network layer by layer on your own image."""
