"""Stage 8 — render: one result, several faces (text, JSON, HTML, the TUI).

Renderers only format; everything they show was computed before them.
"""
