"""Training and evaluation of the shipped language models (``make models``).

Needs the optional ``train`` extra (scikit-learn) and the data sets of
``../shared/data`` (or ``ASCUA_DATA``). Nothing here runs inside the radar.
"""
