"""The desktop app (Qt Widgets). The only package that may import QtWidgets."""
