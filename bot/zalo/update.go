package zalo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Update is one event of the platform.
type Update struct {
	EventName string  `json:"event_name"`
	Message   Message `json:"message"`
}

// Message is a message as the platform sends it; ids are strings, Date is
// in Unix milliseconds.
type Message struct {
	MessageID string `json:"message_id"`
	Date      int64  `json:"date"`
	Text      string `json:"text"`
	Photo     string `json:"photo"`
	Caption   string `json:"caption"`
	Sticker   string `json:"sticker"`
	From      User   `json:"from"`
	Chat      Chat   `json:"chat"`
}

// User is a message's sender.
type User struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	IsBot       bool   `json:"is_bot"`
}

// Chat is where a message was sent.
type Chat struct {
	ID       string `json:"id"`
	ChatType string `json:"chat_type"` // PRIVATE or GROUP
}

// Events.
const (
	EventText        = "message.text.received"
	EventImage       = "message.image.received"
	EventSticker     = "message.sticker.received"
	EventVoice       = "message.voice.received"
	EventUnsupported = "message.unsupported.received"
)

// decodeUpdates reads getUpdates' result: one update or a list of them.
func decodeUpdates(raw json.RawMessage) ([]Update, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return nil, nil
	case raw[0] == '[':
		var us []Update
		if err := json.Unmarshal(raw, &us); err != nil {
			return nil, fmt.Errorf("zalo: bad update list: %w", err)
		}
		return us, nil
	}
	var u Update
	if err := json.Unmarshal(raw, &u); err != nil {
		return nil, fmt.Errorf("zalo: bad update: %w", err)
	}
	return []Update{u}, nil
}

// decodeDelivery reads a webhook body: the update bare or wrapped as
// {ok, result}.
func decodeDelivery(raw []byte) (Update, error) {
	var probe struct {
		Result    json.RawMessage `json:"result"`
		EventName string          `json:"event_name"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return Update{}, fmt.Errorf("not JSON: %w", err)
	}
	if probe.EventName == "" && len(probe.Result) > 0 {
		raw = probe.Result
	}
	var u Update
	if err := json.Unmarshal(raw, &u); err != nil {
		return Update{}, err
	}
	if u.EventName == "" || u.Message.Chat.ID == "" {
		return Update{}, errors.New("no event_name or chat")
	}
	return u, nil
}
