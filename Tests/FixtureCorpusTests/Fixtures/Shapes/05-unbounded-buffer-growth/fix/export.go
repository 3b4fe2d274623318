// Package export streams order reports as CSV for the back-office download page.
package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"sync"
	"time"
)

// Order is one row of the report.
type Order struct {
	ID       string
	Customer string
	Total    int64 // in cents
	PlacedAt time.Time
}

var header = []string{"id", "customer", "total_cents", "placed_at"}

// reportPool keeps report buffers between downloads, which are frequent around the
// end of the month.
var reportPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledReport is the largest report buffer kept for reuse. A month of orders of a
// typical shop fits in 1 MiB of CSV, but the yearly export of a large shop can reach
// hundreds of MiB, and that buffer must not stay in the pool afterwards.
const maxPooledReport = 1 << 20

// putReport returns b to reportPool unless a large export grew it past maxPooledReport.
func putReport(b *bytes.Buffer) {
	if b.Cap() > maxPooledReport {
		return
	}
	reportPool.Put(b)
}

// WriteCSV writes orders as CSV to w. The whole report is built first, so a failed
// export never leaves a truncated file behind.
func WriteCSV(w io.Writer, orders []Order) error {
	b := reportPool.Get().(*bytes.Buffer)
	defer putReport(b)
	b.Reset()
	cw := csv.NewWriter(b)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, o := range orders {
		row := []string{o.ID, o.Customer, strconv.FormatInt(o.Total, 10), o.PlacedAt.UTC().Format(time.RFC3339)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
