"""The Train tab: compare optimizers with live loss curves (see :mod:`cnnviz.gui.train.tab`)."""
