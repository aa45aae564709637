package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/hoibao/hoibao/bot"
)

// attachment describes a document message for the conversation core,
// which downloads it only for an admin.
func (a *Adapter) attachment(d *tgbotapi.Document) *bot.Attachment {
	return &bot.Attachment{
		Name: d.FileName, MIMEType: d.MimeType, Size: int64(d.FileSize),
		Download: func(ctx context.Context, max int64) ([]byte, error) { return a.download(ctx, d.FileID, max) },
	}
}

// download fetches a file by its ID (getFile, then the file endpoint),
// refusing more than max bytes. Errors never hold the token.
func (a *Adapter) download(ctx context.Context, fileID string, max int64) ([]byte, error) {
	raw, err := a.call(ctx, 0, false, "getFile", tgbotapi.Params{"file_id": fileID})
	if err != nil {
		return nil, err
	}
	var f struct {
		FilePath string `json:"file_path"`
		FileSize int64  `json:"file_size"`
	}
	if err := json.Unmarshal(raw, &f); err != nil || f.FilePath == "" {
		return nil, errors.New("telegram: getFile gave no file path")
	}
	if f.FileSize > max {
		return nil, fmt.Errorf("telegram: the file has %d bytes, more than %d", f.FileSize, max)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf(a.fileEndpoint(), a.token, f.FilePath), nil)
	if err != nil {
		return nil, a.redact("file", err)
	}
	hc := &http.Client{Timeout: a.httpTimeout * 4}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, a.redact("file", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("telegram: downloading the file: HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, a.redact("file", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("telegram: the file is larger than %d bytes", max)
	}
	return data, nil
}

// fileEndpoint is the format of file download addresses, beside the API
// endpoint: "https://api.telegram.org/file/bot%s/%s".
func (a *Adapter) fileEndpoint() string {
	if i := strings.LastIndex(a.endpoint, "/bot%s/"); i >= 0 {
		return a.endpoint[:i] + "/file" + a.endpoint[i:]
	}
	return tgbotapi.FileEndpoint
}
