// Package feed follows RSS and Atom feeds (github.com/mmcdole/gofeed): it
// polls each on a schedule, ingests the pages of items it has not seen,
// and backs off from a feed that fails while the others keep polling.
package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/hoibao/hoibao/knowledge"
)

// Defaults of a Poller.
const (
	DefaultInterval = 15 * time.Minute
	DefaultMinRetry = time.Minute
	DefaultMaxRetry = 6 * time.Hour
	// MaxItems is how many of a feed's newest items one poll looks at.
	MaxItems = 30
	// maxSeen bounds the item links remembered per feed.
	maxSeen = 1000
	// maxAttempts is how often an item whose page cannot be read is tried.
	maxAttempts = 3
)

// Ingester is what the poller feeds: *knowledge.Service is one.
type Ingester interface {
	Ingest(ctx context.Context, sources ...knowledge.Source) (knowledge.Report, error)
	Index() *knowledge.Index
}

var _ Ingester = (*knowledge.Service)(nil)

// Poller polls feeds. It is safe for concurrent use.
type Poller struct {
	in        Ingester
	fetch     knowledge.Fetcher
	log       *slog.Logger
	interval  time.Duration
	minRetry  time.Duration
	maxRetry  time.Duration
	now       func() time.Time
	stateFile string

	mu    sync.Mutex
	feeds []*feedState
	kick  chan struct{}
}

type feedState struct {
	status   knowledge.FeedStatus
	seen     []string       // item links ingested or given up on, oldest first
	attempts map[string]int // failed reads of an item's page
}

// Option configures a Poller.
type Option func(*Poller)

// WithInterval sets how often a healthy feed is polled.
func WithInterval(d time.Duration) Option { return func(p *Poller) { p.interval = d } }

// WithRetry sets the first and the longest wait before polling a failing
// feed again; the wait doubles with each failure in a row.
func WithRetry(first, longest time.Duration) Option {
	return func(p *Poller) { p.minRetry, p.maxRetry = first, longest }
}

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(p *Poller) { p.log = log } }

// WithStateFile keeps the feed list and the items seen in path, so a
// restart neither forgets /addfeed nor ingests old items again.
func WithStateFile(path string) Option { return func(p *Poller) { p.stateFile = path } }

// WithClock sets the clock that schedules polls (tests step it).
func WithClock(now func() time.Time) Option { return func(p *Poller) { p.now = now } }

// New returns a poller that ingests into in, fetching with fetch (the safe
// fetcher), following urls and those in its state file.
func New(in Ingester, fetch knowledge.Fetcher, urls []string, opts ...Option) (*Poller, error) {
	p := &Poller{in: in, fetch: fetch, log: slog.New(slog.DiscardHandler), interval: DefaultInterval,
		minRetry: DefaultMinRetry, maxRetry: DefaultMaxRetry, now: time.Now, kick: make(chan struct{}, 1)}
	for _, o := range opts {
		o(p)
	}
	if err := p.loadState(); err != nil {
		return nil, err
	}
	for _, u := range urls {
		if p.find(u) == nil {
			p.feeds = append(p.feeds, newFeed(u))
		}
	}
	return p, nil
}

func newFeed(u string) *feedState {
	return &feedState{status: knowledge.FeedStatus{URL: u}, attempts: map[string]int{}}
}

func (p *Poller) find(u string) *feedState {
	for _, f := range p.feeds {
		if f.status.URL == u {
			return f
		}
	}
	return nil
}

// Feeds returns the status of every feed, in the order added.
func (p *Poller) Feeds() []knowledge.FeedStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]knowledge.FeedStatus, len(p.feeds))
	for i, f := range p.feeds {
		out[i] = f.status
	}
	return out
}

// ErrNotAFeed is the cause when a link does not hold RSS or Atom.
var ErrNotAFeed = errors.New("not an RSS or Atom feed")

// reasoned carries the sentence an admin sees.
type reasoned struct {
	msg string
	err error
}

func (e *reasoned) Error() string  { return e.msg + ": " + e.err.Error() }
func (e *reasoned) Reason() string { return e.msg }
func (e *reasoned) Unwrap() error  { return e.err }

// Add follows u, reading it at once: an error (the link is not a feed,
// the site does not answer) leaves it out and says why.
func (p *Poller) Add(ctx context.Context, u string) (knowledge.FeedStatus, error) {
	u = strings.TrimSpace(u)
	p.mu.Lock()
	if f := p.find(u); f != nil {
		st := f.status
		p.mu.Unlock()
		return st, nil
	}
	f := newFeed(u)
	p.mu.Unlock()
	if err := p.poll(ctx, f); err != nil {
		return knowledge.FeedStatus{}, err
	}
	p.mu.Lock()
	if p.find(u) == nil {
		p.feeds = append(p.feeds, f)
	}
	st := f.status
	p.mu.Unlock()
	p.saveState()
	p.wake()
	return st, nil
}

// Remove stops following u; articles taken from it stay.
func (p *Poller) Remove(_ context.Context, u string) error {
	u = strings.TrimSpace(u)
	p.mu.Lock()
	i := slices.IndexFunc(p.feeds, func(f *feedState) bool { return f.status.URL == u })
	if i < 0 {
		p.mu.Unlock()
		return fmt.Errorf("feed %q: %w", u, knowledge.ErrNotFound)
	}
	p.feeds = slices.Delete(p.feeds, i, i+1)
	p.mu.Unlock()
	p.saveState()
	return nil
}

// Run polls every feed when it is due until ctx ends.
func (p *Poller) Run(ctx context.Context) error {
	for {
		next := p.PollDue(ctx)
		wait := min(max(time.Until(next), time.Second), p.interval)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-p.kick:
		case <-t.C:
		}
		t.Stop()
	}
}

func (p *Poller) wake() {
	select {
	case p.kick <- struct{}{}:
	default:
	}
}

// PollDue polls, one after another, every feed whose time has come, and
// returns when the next one is due. A failing feed does not hold up the
// others.
func (p *Poller) PollDue(ctx context.Context) time.Time {
	p.mu.Lock()
	now := p.now()
	var due []*feedState
	for _, f := range p.feeds {
		if !f.status.NextPoll.After(now) {
			due = append(due, f)
		}
	}
	p.mu.Unlock()
	for _, f := range due {
		if ctx.Err() != nil {
			break
		}
		_ = p.poll(ctx, f) // recorded in the feed's status
	}
	if len(due) > 0 {
		p.saveState()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	next := p.now().Add(p.interval)
	for _, f := range p.feeds {
		if f.status.NextPoll.Before(next) {
			next = f.status.NextPoll
		}
	}
	return next
}

// poll reads one feed and ingests the pages of its new items.
func (p *Poller) poll(ctx context.Context, f *feedState) error {
	p.mu.Lock()
	u := f.status.URL
	seen := make(map[string]bool, len(f.seen))
	for _, s := range f.seen {
		seen[s] = true
	}
	p.mu.Unlock()

	links, title, err := p.read(ctx, u)
	if err != nil {
		p.failed(f, err)
		return err
	}
	known := map[string]bool{}
	for _, a := range p.in.Index().Articles() {
		known[a.URL], known[a.Source] = true, true
	}
	var fresh []knowledge.Source
	var already []string
	for _, l := range links {
		switch {
		case seen[l]:
		case known[l]:
			already = append(already, l)
		default:
			fresh = append(fresh, knowledge.Source{Ref: l})
		}
	}
	var rep knowledge.Report
	if len(fresh) > 0 {
		if rep, err = p.in.Ingest(ctx, fresh...); err != nil {
			p.failed(f, err) // the store failed: try the whole poll again later
			return err
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	read := map[string]bool{}
	for _, a := range rep.Articles {
		read[a.Source] = true
	}
	for _, s := range rep.Skipped {
		if s.Err == nil { // the same content under another ID: nothing to retry
			read[s.Source] = true
		}
	}
	remember := already
	for _, src := range fresh {
		l := src.Ref
		if read[l] {
			remember = append(remember, l)
			delete(f.attempts, l)
			continue
		}
		if f.attempts[l]++; f.attempts[l] >= maxAttempts {
			p.log.Warn("feed item given up", "feed", u, "item", l, "attempts", f.attempts[l])
			remember = append(remember, l)
			delete(f.attempts, l)
		}
	}
	f.seen = append(f.seen, remember...)
	if n := len(f.seen); n > maxSeen {
		f.seen = f.seen[n-maxSeen:]
	}
	n := len(rep.Added) + len(rep.Replaced)
	f.status.Title = title
	f.status.Ingested += n
	f.status.Failures, f.status.LastError = 0, ""
	f.status.LastOK = p.now()
	f.status.NextPoll = f.status.LastOK.Add(p.interval)
	if n > 0 || len(rep.Skipped) > 0 {
		p.log.Info("feed polled", "feed", u, "new", len(fresh), "ingested", n, "skipped", len(rep.Skipped))
	}
	return nil
}

// read fetches a feed and returns its newest items' links, oldest first.
func (p *Poller) read(ctx context.Context, u string) ([]string, string, error) {
	d, err := p.fetch.Fetch(ctx, u)
	if err != nil {
		return nil, "", err
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(d.Data))
	if err != nil {
		return nil, "", &reasoned{msg: "liên kết này không phải nguồn tin RSS hoặc Atom", err: fmt.Errorf("%w: %v", ErrNotAFeed, err)}
	}
	base, _ := url.Parse(d.URL)
	var links []string
	for _, it := range parsed.Items {
		if len(links) == MaxItems {
			break
		}
		l := it.Link
		if l == "" && len(it.Links) > 0 {
			l = it.Links[0]
		}
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if base != nil {
			if r, err := base.Parse(l); err == nil {
				l = r.String()
			}
		}
		if knowledge.IsURL(l) && !slices.Contains(links, l) {
			links = append(links, l)
		}
	}
	slices.Reverse(links) // feeds list the newest first
	return links, strings.TrimSpace(parsed.Title), nil
}

// failed records a failed poll and schedules the next one, later with
// each failure in a row.
func (p *Poller) failed(f *feedState, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f.status.Failures++
	f.status.LastError = knowledge.Reason(err)
	wait := p.minRetry << min(f.status.Failures-1, 20)
	if wait <= 0 || wait > p.maxRetry {
		wait = p.maxRetry
	}
	f.status.NextPoll = p.now().Add(wait)
	p.log.Warn("feed poll failed; retrying later", "feed", f.status.URL, "failures", f.status.Failures, "retry_in", wait, "err", err)
}

// stateJSON is the state file's format.
type stateJSON struct {
	Feeds []struct {
		URL   string   `json:"url"`
		Title string   `json:"title,omitempty"`
		Seen  []string `json:"seen,omitempty"`
	} `json:"feeds"`
}

func (p *Poller) loadState() error {
	if p.stateFile == "" {
		return nil
	}
	data, err := knowledge.ReadFileLimited(p.stateFile, 16<<20)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("feed state %s: %w", p.stateFile, err)
	}
	var st stateJSON
	if err := json.Unmarshal(data, &st); err != nil {
		p.log.Warn("the feed state file is corrupt; starting without it", "file", p.stateFile, "err", err)
		return nil
	}
	for _, s := range st.Feeds {
		f := newFeed(s.URL)
		f.status.Title, f.seen = s.Title, s.Seen
		p.feeds = append(p.feeds, f)
	}
	return nil
}

func (p *Poller) saveState() {
	if p.stateFile == "" {
		return
	}
	p.mu.Lock()
	var st stateJSON
	for _, f := range p.feeds {
		st.Feeds = append(st.Feeds, struct {
			URL   string   `json:"url"`
			Title string   `json:"title,omitempty"`
			Seen  []string `json:"seen,omitempty"`
		}{f.status.URL, f.status.Title, slices.Clone(f.seen)})
	}
	p.mu.Unlock()
	data, _ := json.MarshalIndent(st, "", "  ")
	if err := os.MkdirAll(filepath.Dir(p.stateFile), 0o755); err != nil {
		p.log.Warn("saving the feed state failed", "err", err)
		return
	}
	tmp := p.stateFile + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		p.log.Warn("saving the feed state failed", "err", err)
		return
	}
	if err := os.Rename(tmp, p.stateFile); err != nil {
		p.log.Warn("saving the feed state failed", "err", err)
	}
}
