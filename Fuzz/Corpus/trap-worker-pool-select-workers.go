// Package checksum hashes blobs for a backup tool on a fixed number of workers. The
// queue is bounded, and submitting gives up when the caller's context ends or, for
// TrySubmit, when the queue is full.
package checksum

import (
	"context"
	"crypto/sha256"
	"errors"
	"sync"
)

// ErrQueueFull means every worker is busy and the queue has no room.
var ErrQueueFull = errors.New("checksum: queue is full")

// Job is one blob to hash.
type Job struct {
	Name string
	Data []byte
}

// Result is the SHA-256 of one blob.
type Result struct {
	Name string
	Sum  [sha256.Size]byte
}

// Pool hashes jobs on its workers and sends the results on Results.
type Pool struct {
	jobs    chan Job
	Results chan Result
	wg      sync.WaitGroup
}

// NewPool starts workers goroutines. Up to queueSize jobs wait for a worker, and up
// to queueSize results wait for the reader of Results.
func NewPool(workers, queueSize int) *Pool {
	p := &Pool{jobs: make(chan Job, queueSize), Results: make(chan Result, queueSize)}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	defer p.wg.Done()
	for job := range p.jobs {
		p.Results <- Result{Name: job.Name, Sum: sha256.Sum256(job.Data)}
	}
}

// Submit queues job, waiting for room until ctx ends.
func (p *Pool) Submit(ctx context.Context, job Job) error {
	select {
	case p.jobs <- job:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TrySubmit queues job, or returns ErrQueueFull at once when there is no room.
func (p *Pool) TrySubmit(job Job) error {
	select {
	case p.jobs <- job:
		return nil
	default:
		return ErrQueueFull
	}
}

// Close stops the workers after the queued jobs and then closes Results. Submit must
// not be called after Close.
func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
	close(p.Results)
}
