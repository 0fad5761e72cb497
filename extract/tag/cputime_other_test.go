//go:build !unix

package tag

import "time"

// cpuTime returns 0: this system offers no portable process CPU time.
func cpuTime() time.Duration { return 0 }
