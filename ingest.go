package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
)

const ingestUsage = `Cách dùng: hoibao ingest ĐƯỜNG_DẪN|LINK...

Nạp bài vào kho đã cấu hình (Redis hoặc thư mục HOIBAO_DATA_DIR) từ tệp,
thư mục (.txt, .md, .json, .html, .pdf, .docx) và trang web. Bài đã có và
không đổi được giữ nguyên, bài đổi nội dung thay bản cũ, nội dung trùng
với bài khác được bỏ qua. Tệp không đọc được bị bỏ qua kèm lý do, phần còn
lại vẫn được nạp; khi có mục bị bỏ qua, lệnh kết thúc với mã lỗi 1.
Các bản hoibao đang chạy dùng nội dung mới trong vòng một giây.

Link tới địa chỉ nội bộ (127.0.0.1, 10.x, 192.168.x …) chỉ tải được khi
HOIBAO_FETCH_ALLOW cho phép.
`

// errSkipped is the error of an ingest that left some sources out.
var errSkipped = errors.New("một số nguồn không nạp được (xem danh sách ở trên)")

// runIngest loads articles from files, folders and web pages into the
// configured store, through the same ingest path as the chat commands.
func runIngest(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), ingestUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return nil
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	content, err := contentOptions(cfg, log)
	if err != nil {
		return err
	}
	store, closeStore, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeStore()
	svc := knowledge.NewService(nil, append(content, knowledge.WithStore(store), knowledge.WithLogger(log))...)
	// A replica serving HOIBAO_ARTICLES from an empty store keeps serving
	// them once the store holds articles: they are stored along.
	var seed []knowledge.Article
	if len(cfg.Articles) > 0 {
		seed, _ = svc.LoadSources(ctx, knowledge.Sources(cfg.Articles...)...)
	}
	if err := svc.Load(ctx, seed); err != nil {
		return fmt.Errorf("đọc kho bài: %w", err)
	}
	start := time.Now()
	rep, err := svc.Ingest(ctx, knowledge.Sources(fs.Args()...)...)
	if err != nil {
		return fmt.Errorf("chưa nạp được: %w", err)
	}
	took := strings.Replace(fmt.Sprintf("%.1f", time.Since(start).Seconds()), ".", ",", 1)
	fmt.Fprintf(env.Stdout, "Đã đọc %d bài trong %s giây: %s\n", len(rep.Articles), took, rep)
	for _, s := range rep.Skipped {
		if s.Err != nil { // unreadable, not merely a duplicate
			return errSkipped
		}
	}
	return nil
}
