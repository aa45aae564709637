package knowledge

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// articleJSONCases are stored articles as stores write them, and JSON that
// is not in that shape or not valid at all.
func articleJSONCases(t testing.TB) [][]byte {
	a := Article{
		ID: "bai-1", Title: "Bí thư Huyện ủy Châu Thành", URL: "https://example.vn/a?b=1&c=2",
		Published: time.Date(2021, 3, 4, 5, 6, 7, 0, time.FixedZone("", 7*3600)),
		Author:    "Nguyễn Văn A", Source: "/tmp/a.txt",
		Paragraphs: []string{"Đoạn một.", "Đoạn \"hai\" <b> & \\ \n\t xong", "", "😀 \u2028"},
		Hash:       "abc",
	}
	compact, _ := json.Marshal(a)
	indented, _ := json.MarshalIndent(a, "", "  ")
	plain := a
	plain.URL, plain.Paragraphs = "https://example.vn/a", []string{"Đoạn một.", "Đoạn hai."}
	plainJSON, _ := json.MarshalIndent(plain, "", "  ")
	cases := [][]byte{compact, indented, plainJSON}
	for _, s := range []string{
		`{}`, ` { } `, `{"id":"x","paragraphs":[]}`, `{"id":"x","paragraphs":[ "a" , "b" ]}`,
		`{"id":"x","id":"y"}`, `{"paragraphs":["a"],"paragraphs":["b","c"]}`,
		`{"ID":"x"}`, `{"id":null}`, `{"published":null}`, `{"paragraphs":null}`, `{"id":1}`,
		`{"other":"x"}`, `{"id":"x"} x`, `{"id":"x",}`, `{"id":"x"`, `{"id":"x\"}`, `{"id":"x\`,
		`{"id":"a\u00e9\ud83d\ude00\ud800b"}`, `{"id":"tab	inside"}`, "{\"id\":\"bad \xff utf8\"}",
		`{"published":"2021-03-04T05:06:07+07:00"}`, `{"published":"2021-03-04"}`,
		`{"published":"2021-03-04T05:06:07\u002b07:00"}`, `{"paragraphs":["a",]}`, `{"paragraphs":"a"}`,
		`{"id":"a\/b\u0000\u00E9\b\f\r"}`, `{"id":"\uD800"}`, `{"id":"\x"}`, `{"id":"\u12"}`, `{"id":"\u12g4"}`,
		`{"id":"\u+123"}`, `{"id":"a\\"}`, `{"id":"\"\\\""}`,
		`[]`, ``, `null`, `{"id":"x"}{}`, "{\"id\":\"x\"}\n",
	} {
		cases = append(cases, []byte(s))
	}
	return cases
}

// sameAsJSON fails unless UnmarshalArticle decodes data as json.Unmarshal
// does: the same article, and an error when it gives one.
func sameAsJSON(t *testing.T, data []byte) {
	t.Helper()
	var got, want Article
	gotErr, wantErr := UnmarshalArticle(data, &got), json.Unmarshal(data, &want)
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("UnmarshalArticle(%q) error %v, json.Unmarshal %v", data, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("UnmarshalArticle(%q) = %+v, json.Unmarshal %+v", data, got, want)
	}
}

// TestUnmarshalArticleAsJSON checks the direct reading of stored articles
// against encoding/json, on what stores write and on what they do not.
func TestUnmarshalArticleAsJSON(t *testing.T) {
	for _, data := range articleJSONCases(t) {
		sameAsJSON(t, data)
	}
	for _, a := range Sample() {
		data, _ := json.MarshalIndent(a, "", "  ")
		sameAsJSON(t, data)
	}
}

// FuzzUnmarshalArticle checks the same on any input.
func FuzzUnmarshalArticle(f *testing.F) {
	for _, data := range articleJSONCases(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameAsJSON(t, data) })
}
