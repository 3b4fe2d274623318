package thumbs

import (
	"fmt"
	"time"
)

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

// Validate returns an error naming the first setting that is out of range.
func (c Config) Validate() error {
	if c.MaxWidth <= 0 || c.MaxWidth > 8192 {
		return fmt.Errorf("thumbs: invalid MaxWidth %d: must be between 1 and 8192", c.MaxWidth)
	}
	if c.MaxHeight <= 0 || c.MaxHeight > 8192 {
		return fmt.Errorf("thumbs: invalid MaxHeight %d: must be between 1 and 8192", c.MaxHeight)
	}
	if c.CacheTTL < time.Minute {
		return fmt.Errorf("thumbs: invalid CacheTTL %v: must be at least 1m", c.CacheTTL)
	}
	return nil
}
