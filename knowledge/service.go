package knowledge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionRunes bounds a question; longer ones get a polite error.
const MaxQuestionRunes = 1000

// DefaultTopK is how many passages retrieval hands to the answerer.
const DefaultTopK = 10

// NoteModelUnavailable is the note added when the model failed and the
// extractive answer was given instead.
const NoteModelUnavailable = "Mô hình ngôn ngữ tạm thời không trả lời được; đây là câu trả lời trích từ bài báo."

// Service answers questions about the loaded articles and changes them. It
// keeps the searchable index in memory and the articles in its Store; a
// change goes to the store first, then a new index is built beside the old
// one and swapped in, so readers never see half a change.
type Service struct {
	index      atomic.Pointer[Index]
	compacting atomic.Bool // a Compact runs in the background
	store      Store
	llm        LLM
	extractive LLM
	log        *slog.Logger
	topK       int
	writeMu    sync.Mutex  // serialises changes to the content
	hybrid     hybridState // vector retrieval (hybrid.go), when an embedder is set
	sync       syncState   // what the store holds (sync.go); guarded by writeMu
	loader     loader      // readers of files, pages and documents (load.go)
	previous   []*Article  // the content before the last change, for Undo; guarded by writeMu
	problems   []Skipped   // corrupt entries the last store read skipped; guarded by writeMu
	turns      *turns      // bounds the questions answered at once (turns.go)
	snapshots  Snapshots   // built indexes kept between runs, or nil
}

// Option configures a Service.
type Option func(*Service)

// WithStore keeps articles in store; without it content lives only in memory.
func WithStore(store Store) Option { return func(s *Service) { s.store = store } }

// WithLLM answers through a model, falling back to the extractive answerer
// when it fails.
func WithLLM(llm LLM) Option { return func(s *Service) { s.llm = llm } }

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(s *Service) { s.log = log } }

// WithReader reads documents whose name ends in ext (".pdf", ".docx",
// ".html" …) or whose media type maps to it, from folders, links and
// documents sent to the bot.
func WithReader(ext string, r Reader) Option {
	return func(s *Service) { s.loader.readers[strings.ToLower(ext)] = r }
}

// WithFetcher lets Ingest read http(s) addresses through f.
func WithFetcher(f Fetcher) Option { return func(s *Service) { s.loader.fetcher = f } }

// WithTopK sets how many passages the answerer sees.
func WithTopK(k int) Option { return func(s *Service) { s.topK = k } }

// WithConcurrency bounds how many questions are searched and answered at
// once (default: one per CPU); the rest wait their turn, askers taking
// turns. A model's answer is waited for outside the bound.
func WithConcurrency(n int) Option { return func(s *Service) { s.turns = newTurns(n) } }

// WithSnapshots keeps the index built at start-up in snapshots, and reads
// it from there at the next start-up when the content is the same.
func WithSnapshots(sn Snapshots) Option { return func(s *Service) { s.snapshots = sn } }

// NewService returns a service serving articles until the store says otherwise.
func NewService(articles []Article, opts ...Option) *Service {
	s := &Service{extractive: Extractive{}, log: slog.New(slog.DiscardHandler), topK: DefaultTopK, loader: newLoader(),
		turns: newTurns(runtime.GOMAXPROCS(0))}
	for _, o := range opts {
		o(s)
	}
	s.index.Store(NewIndex(articles))
	return s
}

// Index returns the index now serving.
func (s *Service) Index() *Index { return s.index.Load() }

// Store returns the service's store, or nil.
func (s *Service) Store() Store { return s.store }

// Load replaces the serving index with the store's articles. When the store
// is empty, seed (when given) is served without being written, so a fresh
// machine that only answers questions writes nothing; the first change
// (Add, Remove) stores the seed along with it.
func (s *Service) Load(ctx context.Context, seed []Article) error {
	if s.store == nil {
		if len(seed) > 0 {
			s.Swap(seed)
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, storeReadTimeout)
	defer cancel()
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	version, articles, err := s.readStore(ctx)
	if err != nil {
		return err
	}
	s.sync = syncState{version: version}
	if len(articles) == 0 && len(seed) > 0 {
		s.sync.seedOnly = true
		articles = seed
	}
	s.index.Store(s.startIndex(ctx, articles))
	return nil
}

// startIndex is the index of the stored articles at start-up: read from a
// snapshot of the same content when one is kept, else built (and kept,
// unless it is of a seed the store does not hold).
func (s *Service) startIndex(ctx context.Context, articles []Article) *Index {
	if s.snapshots == nil {
		return NewIndex(articles)
	}
	fp := Fingerprint(articles)
	ix, ok, err := s.snapshots.Load(ctx, fp, articles)
	if ok {
		return ix
	}
	if err != nil {
		s.log.Warn("index snapshot unreadable; building the index", "err", err)
	}
	ix = NewIndex(articles)
	if !s.sync.seedOnly {
		if err := s.snapshots.Save(ctx, fp, ix); err != nil {
			s.log.Warn("index snapshot not saved", "err", err)
		}
	}
	return ix
}

// Swap serves articles at once without writing them to the store; used when
// another replica announced a change that is already stored.
func (s *Service) Swap(articles []Article) { s.index.Store(NewIndex(articles)) }

// Add stores an article (replacing one with the same ID) and serves it. The
// store is written first: when that fails the old content keeps serving and
// the error (ErrUnavailable when the store is unreachable) says why.
func (s *Service) Add(ctx context.Context, a Article) error {
	a, err := Finish(a)
	if err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	prev := s.currentRefs()
	var all []Article // only written when the store does not hold the seed yet
	if s.sync.seedOnly {
		all = Dedupe(append(articlesOf(prev), a))
	}
	if err := s.write(ctx, all, func(st Store) error { return st.Put(ctx, a) }); err != nil {
		return err
	}
	s.previous = prev
	s.serve(s.Index().With([]Article{a}, nil))
	return nil
}

// Remove deletes an article by ID.
func (s *Service) Remove(ctx context.Context, id string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if _, ok := s.Index().Article(id); !ok {
		return fmt.Errorf("bài %q: %w", id, ErrNotFound)
	}
	prev := s.currentRefs()
	var kept []Article // only written when the store does not hold the seed yet
	if s.sync.seedOnly {
		for _, a := range prev {
			if a.ID != id {
				kept = append(kept, *a)
			}
		}
	}
	if err := s.write(ctx, kept, func(st Store) error { return st.Delete(ctx, id) }); err != nil {
		return err
	}
	s.previous = prev
	s.serve(s.Index().With(nil, []string{id}))
	return nil
}

// Reload replaces all content with articles: all or nothing. A new index is
// built beside the old one and swapped in only when the store holds the new
// content; on error the old content keeps serving.
func (s *Service) Reload(ctx context.Context, articles []Article) error {
	if len(articles) == 0 {
		return fmt.Errorf("%w: không có bài nào để nạp", ErrInvalidArticle)
	}
	ix := NewIndex(articles)
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.store != nil {
		if err := s.store.ReplaceAll(ctx, articles); err != nil {
			return fmt.Errorf("chưa nạp lại được, nội dung cũ vẫn được dùng: %w", err)
		}
		s.sync.seedOnly = false
	}
	s.previous = s.currentRefs()
	s.index.Store(ix)
	return nil
}

// currentRefs is the content served, shared with the index: what Undo
// keeps of it, without a copy of every article on each change.
func (s *Service) currentRefs() []*Article {
	ix := s.Index()
	out := make([]*Article, 0, ix.liveArts)
	for _, a := range ix.articles {
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// refsOf is articles as currentRefs gives them.
func refsOf(articles []Article) []*Article {
	out := make([]*Article, len(articles))
	for i := range articles {
		out[i] = &articles[i]
	}
	return out
}

// articlesOf copies the articles refs point to.
func articlesOf(refs []*Article) []Article {
	out := make([]Article, len(refs))
	for i, a := range refs {
		out[i] = *a
	}
	return out
}

func (s *Service) currentArticles() []Article {
	ix := s.Index()
	out := make([]Article, 0, ix.liveArts)
	for _, a := range ix.articles {
		if a != nil {
			out = append(out, *a)
		}
	}
	return out
}

// CheckQuestion returns the question cleaned, or an error a user can read.
func CheckQuestion(q string) (string, error) {
	if !utf8.ValidString(q) {
		return "", fmt.Errorf("%w: câu hỏi chứa ký tự không đọc được (không phải UTF-8)", ErrInvalidQuestion)
	}
	q = strings.TrimSpace(NFC(q))
	if q == "" {
		return "", fmt.Errorf("%w: câu hỏi trống", ErrInvalidQuestion)
	}
	if n := utf8.RuneCountInString(q); n > MaxQuestionRunes {
		return "", fmt.Errorf("%w: câu hỏi quá dài (%d ký tự, tối đa %d)", ErrInvalidQuestion, n, MaxQuestionRunes)
	}
	control, letters := 0, 0
	for _, r := range q {
		switch {
		case r == unicode.ReplacementChar || unicode.IsControl(r) && r != '\t':
			control++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letters++
		}
	}
	if control > 0 || letters == 0 {
		return "", fmt.Errorf("%w: câu hỏi không có chữ đọc được", ErrInvalidQuestion)
	}
	return q, nil
}

// Ask answers a question from the serving articles. The error is non-nil
// only for a bad question; a failing model degrades to the extractive answer.
func (s *Service) Ask(ctx context.Context, q Query) (Answer, error) {
	return s.AskStream(ctx, q, nil)
}

// AskStream is Ask that also reports the answer text as it is written, when
// the model streams; onText may be nil. Channels that can edit a message
// show the growing text; the returned Answer is final either way.
func (s *Service) AskStream(ctx context.Context, q Query, onText func(partial string)) (Answer, error) {
	text, err := CheckQuestion(q.Text)
	if err != nil {
		return Answer{}, err
	}
	q.Text = ExpandChat(text)
	text = s.standalone(ctx, q) // a follow-up made standalone by the model (hybrid.go)
	if text == q.Text {
		q.Context = followUpContext(q) // else the extractive way: borrow the last question's words
	}
	q.Text = text
	// Searching and the extractive answer use a CPU each: more at once
	// only makes every one of them slower.
	if err := s.turns.acquire(ctx, q.Asker); err != nil {
		return Answer{}, err
	}
	held := true
	defer func() {
		if held {
			s.turns.release()
		}
	}()
	ix := s.Index()
	ix.weigh(&q)
	search := func(text string) []Passage {
		return s.retrieve(ctx, ix, strings.TrimSpace(searchText(text)+" "+q.Context)) // BM25, fused with vectors when configured (hybrid.go)
	}
	passages := search(text)
	// "so gtvt" is read as the article found writes it, "bhyt" as the
	// passages spell it, "Sở Giáo dục và Đào tạo" as they abbreviate it,
	// "quy 1" as they number it ("quý I"), "Cảnh sát hình sự" by its code
	// ("PC02").
	if department, spelled, abbreviated, numbered, coded := spellDepartments(&q, passages, search), spellOutAbbreviations(&q, passages), abbreviateNames(&q, passages), writeRoman(&q, passages), writeUnitCodes(&q, passages); department || spelled || abbreviated || numbered || coded {
		text = q.Text
		ix.weigh(&q)
		passages = search(text)
	}
	passages = withNewerHolder(ix, text, passages, 4*s.topK)
	if len(passages) == 0 && Classify(text).isMeta() {
		// "Bài báo đăng ngày nào?" names no article: the newest is meant.
		passages = ix.newestTitle()
	}
	if s.llm == nil {
		return s.extractive.Answer(ctx, q, passages)
	}
	s.turns.release() // a model is waited for, not computed
	held = false
	var ans Answer
	if streamer, ok := s.llm.(StreamLLM); ok && onText != nil {
		ans, err = streamer.AnswerStream(ctx, q, passages, onText)
	} else {
		ans, err = s.llm.Answer(ctx, q, passages)
	}
	if err == nil {
		return ans, nil
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return Answer{}, err
	}
	s.log.Warn("model failed; answering extractively", "err", err)
	ans, err = s.extractive.Answer(ctx, q, passages)
	ans.Note = NoteModelUnavailable
	return ans, err
}

// withNewerHolder reads, second, the newest article found among the wider
// pool's passages that names the office a who-question asks about, when
// it is newer than every article of the best passages and the question
// does not say when: who holds an office is asked of now, and an older
// article's holder may have left ("gđ sở y tế … là ai" among years of
// news). The answerer then prefers the newer article's answer when it
// scores nearly as well (newest).
func withNewerHolder(ix *Index, text string, passages []Passage, pool int) []Passage {
	if len(passages) == 0 {
		return passages
	}
	toks := Tokenize(text)
	office := officeAsked(toks)
	if office == "" || Classify(text) != KindWho || !asksHolder(Query{Text: text}) || saysWhen(text, toks) {
		return passages
	}
	var latest time.Time
	for _, p := range passages {
		if p.Article.Published.IsZero() {
			return passages // undated archives have no newer
		}
		if p.Article.Published.After(latest) {
			latest = p.Article.Published
		}
	}
	if !ix.hasNewer(latest) {
		return passages
	}
	var newer []Passage
	for _, p := range ix.Search(searchText(text), pool) {
		if p.Article.Published.After(latest) && (len(newer) == 0 || p.Article == newer[0].Article) &&
			strings.Contains(officeText(Tokenize(p.Chunk.Text)), " "+office+" ") {
			newer = append(newer, p)
		}
	}
	if len(newer) == 0 {
		return passages
	}
	return slices.Concat(passages[:1], newer, passages[1:])
}

// saysWhen reports whether a question names a time: a year, a month or a
// day ("năm 2019", "tháng 3", "ngày 6/9").
func saysWhen(text string, toks []Token) bool {
	return slices.ContainsFunc(toks, func(t Token) bool { return t.Number && isYearNumber(t.Fold) }) ||
		len(monthsIn(toks)) > 0 || reDayMonth.MatchString(text)
}
