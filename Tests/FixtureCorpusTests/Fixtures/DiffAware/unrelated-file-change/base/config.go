package thumbs

import "time"

// Config holds the thumbnail service settings.
type Config struct {
	MaxWidth  int
	MaxHeight int
	CacheTTL  time.Duration
}

// DefaultConfig returns the settings used when the configuration file sets none.
func DefaultConfig() Config {
	return Config{MaxWidth: 1024, MaxHeight: 1024, CacheTTL: 24 * time.Hour}
}
