package main

import (
	"fmt"
	"os"
	"slices"
)

// commandUsage is what `hoibao COMMAND -h` prints, in Vietnamese.
var commandUsage = map[string]string{
	"ask": `Cách dùng: hoibao ask [--json] [--articles ĐƯỜNG_DẪN]... [CÂU_HỎI]

Trả lời một câu hỏi, kèm nguồn trích dẫn. Không có CÂU_HỎI thì đọc câu hỏi
từ đầu vào chuẩn, mỗi dòng một câu (gõ xong nhấn Enter, Ctrl-D để kết thúc).

  --json               mỗi câu hỏi in một đối tượng JSON trên một dòng
  --articles ĐƯỜNG_DẪN trả lời từ tệp hoặc thư mục này (.txt, .md, .json,
                       .html, .pdf, .docx) thay vì kho đã cấu hình; lặp lại được

Ví dụ: hoibao ask "Bí thư Huyện ủy Châu Thành là ai?"
Câu hỏi không hợp lệ (trống, quá dài, ký tự lạ) thì lệnh kết thúc với mã lỗi 1.
`,
	"chat": `Cách dùng: hoibao chat [--articles ĐƯỜNG_DẪN]...

Trò chuyện với hoibao ngay trong cửa sổ dòng lệnh, có thể hỏi tiếp.

  --articles ĐƯỜNG_DẪN trả lời từ tệp hoặc thư mục này thay vì kho đã cấu hình
`,
	"ingest": ingestUsage,
	"serve": `Cách dùng: hoibao serve

Chạy các kênh chat đã cấu hình (HOIBAO_TELEGRAM_TOKEN …) cho tới khi nhận
Ctrl-C hoặc SIGTERM; các câu trả lời đang dở được trả nốt. Nguồn tin RSS
trong HOIBAO_FEEDS và các nguồn quản trị viên thêm bằng /addfeed được đọc
định kỳ (HOIBAO_FEED_INTERVAL).
`,
	"config": `Cách dùng: hoibao config

In cấu hình đang dùng (biến HOIBAO_*), các giá trị bí mật được che.
`,
}

// isHelp reports whether args ask for a command's usage.
func isHelp(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" })
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// printUsage prints cmd's usage to env's standard output.
func printUsage(env Env, cmd string) bool {
	u, ok := commandUsage[cmd]
	if ok {
		fmt.Fprint(env.Stdout, u)
	}
	return ok
}
