package kvclient

// Store reads and writes session values.
type Store struct {
	pool *Pool
}

// NewStore returns a Store that uses pool.
func NewStore(pool *Pool) *Store { return &Store{pool: pool} }

// Session returns the value stored for a session id.
func (s *Store) Session(id string) (string, error) {
	conn := s.pool.Get()
	defer conn.Close()
	return conn.Do("GET", "session:"+id)
}

// SetSession stores value for a session id.
func (s *Store) SetSession(id, value string) error {
	conn := s.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SET", "session:"+id, value)
	return err
}
