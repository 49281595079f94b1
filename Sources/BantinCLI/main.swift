// The command line. All the work is in the Bantin module; see Commands.swift.
Usage.checkCommandWord(Array(CommandLine.arguments.dropFirst()),
                       registered: BantinCommand.configuration.subcommands.map { $0._commandName })
BantinCommand.main()
