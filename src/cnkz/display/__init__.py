"""How the chapters show things: figures (house style), captions, print tables, pages.

Import the module you need (`from cnkz.display import figures`).
"""
