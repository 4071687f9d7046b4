"""The Train tab: compare optimizers with live loss curves (see :mod:`cnnviz.gui.train.tab`)."""

from cnnviz.gui.train._refcount_guard import pin_singletons

pin_singletons()
