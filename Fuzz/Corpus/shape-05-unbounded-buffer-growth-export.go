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

// WriteCSV writes orders as CSV to w. The whole report is built first, so a failed
// export never leaves a truncated file behind.
func WriteCSV(w io.Writer, orders []Order) error {
	b := reportPool.Get().(*bytes.Buffer)
	defer reportPool.Put(b) // want size-cap
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
