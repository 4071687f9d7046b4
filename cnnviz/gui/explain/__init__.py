"""The Explain tab: teaching views that animate what :mod:`cnnviz.core.explain` computes."""
