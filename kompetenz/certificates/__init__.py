"""Certificates: what they say (document), signing, the PDF, and checking them (verify).

Everything here but `pdf.py` and `layout.py` is free of Qt; those two draw with QtGui only.
"""
