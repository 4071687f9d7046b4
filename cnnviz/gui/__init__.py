"""The PySide6 front end. Renders what :mod:`cnnviz.core` computes."""
