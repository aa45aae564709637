package knowledge

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// maxDocxXML bounds the unpacked size of a DOCX's text part, so a small
// archive cannot unpack into gigabytes.
const maxDocxXML = 32 << 20

// docxReader reads Word documents (.docx): their paragraphs, in order,
// with the title from the document's properties or its first paragraph,
// then the dateline and byline as in a text article.
var docxReader = ReaderFunc(func(ctx context.Context, d Document) ([]Article, error) {
	zr, err := zip.NewReader(bytes.NewReader(d.Data), int64(len(d.Data)))
	if err != nil {
		return nil, fmt.Errorf("%w: tệp DOCX hỏng (không phải tệp nén Word)", ErrInvalidArticle)
	}
	body, err := readZipPart(zr, "word/document.xml")
	if err != nil {
		return nil, err
	}
	paras, err := docxParagraphs(body)
	if err != nil {
		return nil, err
	}
	var props docxCore
	if core, err := readZipPart(zr, "docProps/core.xml"); err == nil {
		_ = xml.Unmarshal(core, &props)
	}
	if len(paras) == 0 {
		return nil, fmt.Errorf("%w: tệp DOCX không có chữ", ErrInvalidArticle)
	}
	a, err := parseText(strings.Join(paras, "\n\n"))
	if err != nil {
		return nil, err
	}
	// The first paragraph is the title unless it is clearly body text and
	// the document's properties name one.
	if t := strings.TrimSpace(props.Title); t != "" && len([]rune(a.Title)) > 200 {
		a.Paragraphs = append([]string{a.Title}, a.Paragraphs...)
		a.Title = t
	}
	if a.Author == "" {
		a.Author = strings.TrimSpace(props.Creator)
	}
	name := path.Base(first(d.URL, d.Name))
	a.ID = Slug(strings.TrimSuffix(name, path.Ext(name)))
	a.URL = d.URL
	a, err = Finish(a)
	if err != nil {
		return nil, err
	}
	return []Article{a}, nil
})

type docxCore struct {
	Title   string `xml:"title"`
	Creator string `xml:"creator"`
}

func readZipPart(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > maxDocxXML {
			return nil, fmt.Errorf("%w: tệp DOCX quá lớn khi giải nén", ErrInvalidArticle)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w: tệp DOCX hỏng", ErrInvalidArticle)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxDocxXML+1))
		if err != nil || len(data) > maxDocxXML {
			return nil, fmt.Errorf("%w: tệp DOCX hỏng hoặc quá lớn", ErrInvalidArticle)
		}
		return data, nil
	}
	return nil, fmt.Errorf("%w: tệp DOCX thiếu phần %s", ErrInvalidArticle, name)
}

// docxParagraphs returns the text of each w:p in document order: runs
// (w:t) joined, tabs and breaks as spaces, deleted text (w:delText) left out.
func docxParagraphs(data []byte) ([]string, error) {
	const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	dec := xml.NewDecoder(bytes.NewReader(data))
	var paras []string
	var cur strings.Builder
	depth, inText := 0, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: tệp DOCX hỏng (XML lỗi)", ErrInvalidArticle)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != w {
				continue
			}
			switch t.Name.Local {
			case "p":
				if depth == 0 {
					cur.Reset()
				}
				depth++
			case "t":
				inText = true
			case "tab", "br", "cr":
				cur.WriteByte(' ')
			}
		case xml.EndElement:
			if t.Name.Space != w {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				depth--
				if depth == 0 {
					if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
						paras = append(paras, s)
					}
				}
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	return paras, nil
}
