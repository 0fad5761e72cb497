package main

// extraCommands lists every subcommand but help. Each lives in its own file.
func extraCommands() []*command {
	return []*command{
		trainCommand(),
		extractCommand(), evalCommand(),
		buildCommand(), queryCommand(), exportCommand(), importCommand(), rmCommand(), statsCommand(),
		shellCommand(),
		serveCommand(),
	}
}
