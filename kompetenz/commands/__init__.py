"""The `kompetenz` subcommands, one module per topic; each offers `register(subparsers)`.

A command's handler receives the parsed arguments and returns the exit status. Handlers import
what they need inside the function, so `kompetenz --help` stays fast.
"""
