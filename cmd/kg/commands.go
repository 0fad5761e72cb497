package main

// extraCommands lists every subcommand but help. Each lives in its own file.
func extraCommands() []*command {
	return []*command{}
}
