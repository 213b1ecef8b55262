"""The ``razmetka`` command.  Headless subcommands never import Qt."""
