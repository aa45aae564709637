package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/web"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

// chromium finds Debian's chromium (or another Chrome) or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium installed (apt-get install chromium; .ci/run does): skipping the browser test")
	return ""
}

// browser starts a headless Chromium with a 360×740 phone viewport.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(360, 740))
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2))); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return bctx
}

// shots is where screenshots go: $HOIBAO_SCREENSHOTS, else the test's temp dir.
func shots(t *testing.T) string {
	if d := os.Getenv("HOIBAO_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

const xssArticle = `Bài thử hiển thị <script>alert(1)</script>
Đoạn này chứa <img src=x onerror=alert(2)> và <script>alert(3)</script> nhưng phải hiện ra như chữ.`

// site is the chat served by the real core, with a model (a fake speaking
// the real streaming wire format) so answers arrive token by token.
func site(t *testing.T, opts ...web.Option) (*httptest.Server, *bot.MemState) {
	t.Helper()
	reply := "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]."
	fake := openaitest.New(reply)
	t.Cleanup(fake.Close)
	client, err := openai.New(fake.BaseURL(), "sk-browser", "fake-model")
	if err != nil {
		t.Fatal(err)
	}
	xss, err := knowledge.ParsePasted(xssArticle)
	if err != nil {
		t.Fatal(err)
	}
	svc := knowledge.NewService(append(knowledge.Sample(), xss), knowledge.WithLLM(client))
	state := bot.NewMemState()
	core := bot.New(svc, bot.WithState(state))
	mux := http.NewServeMux()
	web.New(core, svc, append([]web.Option{web.WithExamples(core.Examples)}, opts...)...).Mount(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, state
}

// watchTokens counts the changes of the newest answer's text, to see it grow.
const watchTokens = `window.__changes = 0;
new MutationObserver((records) => { window.__changes += records.length; }).observe(document.querySelector('#log'), {subtree: true, childList: true, characterData: true});
true`

func TestBrowserChat(t *testing.T) {
	ctx := browser(t)
	srv, state := site(t)
	dir := shots(t)
	var (
		mu      sync.Mutex
		dialogs []string
	)
	chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, d.Message)
			mu.Unlock()
		}
	})

	do(t, ctx, "open the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#examples button")))
	screenshot(t, ctx, dir, "01-start.png")
	if got := eval[string](t, ctx, `document.querySelector('#examples button').textContent`); got != "Bí thư Huyện ủy Châu Thành là ai?" {
		t.Errorf("first example %q", got)
	}

	// Ask by tapping the example; the answer streams in, then gets its [1].
	eval[bool](t, ctx, watchTokens)
	do(t, ctx, "ask", chromedp.Click(chromedp.CSS("#examples button")),
		chromedp.WaitVisible(chromedp.CSS("li.msg.bot .cite-btn")))
	answer := eval[string](t, ctx, `document.querySelector('li.msg.bot .text').textContent`)
	if !strings.Contains(answer, "Lê Phước Dũng") || !strings.Contains(answer, "[1]") {
		t.Errorf("answer shown: %q", answer)
	}
	if n := eval[int](t, ctx, `window.__changes`); n < 5 {
		t.Errorf("the answer changed %d times on screen; want it streamed in many steps", n)
	}
	screenshot(t, ctx, dir, "02-answer.png")

	// [1] opens the quoted passage with its article's title, date and link.
	do(t, ctx, "open [1]", chromedp.Click(chromedp.CSS("li.msg.bot .cite-btn")), chromedp.WaitVisible(chromedp.CSS("#cite")))
	if got := eval[string](t, ctx, `document.querySelector('#cite-title').textContent`); got != "Xây dựng Đảng ở huyện Châu Thành" {
		t.Errorf("citation title %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('#cite-meta').textContent`); !strings.Contains(got, "09/01/2024") {
		t.Errorf("citation date %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('#cite-quote').textContent`); !strings.Contains(got, "Lê Phước Dũng") {
		t.Errorf("citation quote %q", got)
	}
	href := eval[string](t, ctx, `document.querySelector('#cite-passage').href`)
	screenshot(t, ctx, dir, "03-citation.png")

	// Its link opens the article with the passage highlighted and in view.
	tab, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	do(t, tab, "follow the passage link", chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2)),
		chromedp.Navigate(href), chromedp.WaitVisible(chromedp.CSS(".chunk:target")))
	// Scrolling to the passage may take frames: wait until it is in view (the check below says if it never is).
	_, _ = chromedp.Run(tab, chromedp.Poll[bool](`(() => { const r = document.querySelector(':target').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
	target := eval[string](t, tab, `(() => { const e = document.querySelector(':target'); const r = e.getBoundingClientRect();
		return e.textContent + '|' + getComputedStyle(e).backgroundColor + '|' + (r.top >= 0 && r.top < innerHeight); })()`)
	parts := strings.Split(target, "|")
	if len(parts) != 3 || !strings.Contains(parts[0], "Lê Phước Dũng") || parts[1] == "rgba(0, 0, 0, 0)" || parts[2] != "true" {
		t.Errorf("highlighted passage (text|background|in view) = %q", target)
	}
	screenshot(t, tab, dir, "04-passage.png")

	// 👍, then a follow-up in the same session.
	do(t, ctx, "close the passage", chromedp.Click(chromedp.CSS(".cite-close button")), chromedp.WaitNotVisible(chromedp.CSS("#cite")))
	do(t, ctx, "press 👍", chromedp.Click(chromedp.CSS(".vote-up")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('.ack').textContent.length > 0`)); err != nil {
		t.Fatalf("no acknowledgement of 👍: %v", err)
	}
	if got := eval[string](t, ctx, `document.querySelector('.ack').textContent`); got != "Cảm ơn bạn đã góp ý!" {
		t.Errorf("feedback acknowledged with %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector('.vote-up').getAttribute('aria-pressed')`); got != "true" {
		t.Errorf("👍 aria-pressed = %q", got)
	}
	do(t, ctx, "ask a follow-up", chromedp.SendKeys(chromedp.CSS("#q"), "con pho bi thu la ai?\n"),
		chromedp.WaitVisible(chromedp.CSS("li.msg.bot:nth-of-type(4) .cite-btn")))
	session := eval[string](t, ctx, `sessionStorage.getItem('hoibao-session')`)
	history, err := state.History(context.Background(), web.Channel+":s:"+session)
	if err != nil || len(history) != 2 || history[1].Question != "con pho bi thu la ai?" {
		t.Errorf("the session's history = %+v, %v; want both questions in one conversation", history, err)
	}
	screenshot(t, ctx, dir, "05-follow-up.png")

	// Questions and articles are text, never HTML.
	do(t, ctx, "ask with markup", chromedp.SendKeys(chromedp.CSS("#q"), "<img src=x onerror=alert(4)> là gì?\n"),
		chromedp.WaitVisible(chromedp.CSS("li.msg.bot:nth-of-type(6)")))
	if got := eval[int](t, ctx, `document.querySelectorAll('#log img').length`); got != 0 {
		t.Errorf("the question's markup became %d elements", got)
	}
	do(t, tab, "open the article with markup", chromedp.Navigate(srv.URL+"/a/"+articleID(t, xssArticle)),
		chromedp.WaitVisible(chromedp.CSS("article p")))
	if got := eval[string](t, tab, `document.querySelector('article h1').textContent`); got != "Bài thử hiển thị <script>alert(1)</script>" {
		t.Errorf("title shown as %q", got)
	}
	if got := eval[int](t, tab, `document.querySelectorAll('article script, article img').length`); got != 0 {
		t.Errorf("the article's markup became %d elements", got)
	}
	screenshot(t, tab, dir, "06-markup-as-text.png")
	mu.Lock()
	if len(dialogs) > 0 {
		t.Errorf("scripts ran: alerts %q", dialogs)
	}
	mu.Unlock()

	// Dark mode.
	do(t, ctx, "switch to dark", chromedp.Click(chromedp.CSS("#theme")))
	const background = `getComputedStyle(document.body).backgroundColor`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](background+` === "rgb(17, 20, 24)"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("dark background %q", eval[string](t, ctx, background)) // a transition may take frames: waited for
	}
	screenshot(t, ctx, dir, "07-dark.png")
	t.Logf("screenshots in %s", dir)
}

func articleID(t *testing.T, text string) string {
	a, err := knowledge.ParsePasted(text)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// TestBrowserWidget embeds the widget in a page of another origin: the
// launcher opens the chat in a frame, which answers with working citations.
func TestBrowserWidget(t *testing.T) {
	ctx := browser(t)
	newspaper := httptest.NewUnstartedServer(nil)
	srv, _ := site(t, web.WithAllowedOrigins("http://"+newspaper.Listener.Addr().String()))
	newspaper.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Báo Thử</title></head><body><h1>Báo Thử</h1><p>Tin tức hôm nay.</p>
<script src="%s/widget.js" data-label="Hỏi báo" async></script></body></html>`, srv.URL)
	})
	newspaper.Start()
	defer newspaper.Close()
	dir := shots(t)

	do(t, ctx, "open the newspaper", chromedp.Navigate(newspaper.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#hoibao-launcher")))
	screenshot(t, ctx, dir, "11-widget-launcher.png")
	do(t, ctx, "open the widget", chromedp.Click(chromedp.CSS("#hoibao-launcher")), chromedp.WaitVisible(chromedp.CSS("#hoibao-frame[data-loaded]")))
	frames, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS("#hoibao-frame")))
	if err != nil || len(frames) != 1 {
		t.Fatalf("widget frame: %v", err)
	}
	in := chromedp.FromNode(frames[0])
	do(t, ctx, "ask in the widget", chromedp.WaitVisible(chromedp.CSS("#examples button"), in),
		chromedp.SendKeys(chromedp.CSS("#q"), "Bí thư Huyện ủy Châu Thành là ai?\n", in),
		chromedp.WaitVisible(chromedp.CSS("li.msg.bot .cite-btn"), in))
	if got := eval[string](t, ctx, `getComputedStyle(document.querySelector('#hoibao-frame')).width`); got != "360px" {
		t.Errorf("the widget on a phone is %s wide, want the full 360px", got)
	}
	do(t, ctx, "open [1] in the widget", chromedp.Click(chromedp.CSS("li.msg.bot .cite-btn"), in), chromedp.WaitVisible(chromedp.CSS("#cite"), in))
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#cite-title"), in))
	if err != nil || title != "Xây dựng Đảng ở huyện Châu Thành" {
		t.Errorf("citation in the widget: %q, %v", title, err)
	}
	screenshot(t, ctx, dir, "12-widget-citation.png")
	do(t, ctx, "press 👍 in the widget", chromedp.Click(chromedp.CSS(".cite-close button"), in),
		chromedp.Click(chromedp.CSS(".vote-up"), in), chromedp.WaitVisible(chromedp.CSS(".vote-up[aria-pressed=true]"), in))
	do(t, ctx, "close the widget", chromedp.Click(chromedp.CSS("#close"), in), chromedp.WaitNotVisible(chromedp.CSS("#hoibao-frame")))

	// On a desktop the same chat opens as a panel beside the launcher.
	do(t, ctx, "open the widget on a desktop", chromedp.EmulateViewport(1280, 800),
		chromedp.Click(chromedp.CSS("#hoibao-launcher")), chromedp.WaitVisible(chromedp.CSS("#hoibao-frame")))
	// The new viewport's media query applies on a later frame: wait for it.
	const panel = `getComputedStyle(document.querySelector('#hoibao-frame')).width`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](panel+` === "380px"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the widget on a desktop is %s wide, want a 380px panel", eval[string](t, ctx, panel))
	}
	screenshot(t, ctx, dir, "13-widget-desktop.png")
	t.Logf("screenshots in %s", dir)
}
