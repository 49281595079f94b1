// The command line. All the work is in the Bantin module; see Commands.swift.
BantinCommand.main()
