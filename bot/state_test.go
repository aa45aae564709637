package bot_test

import (
	"testing"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/statetest"
)

func TestMemStateContract(t *testing.T) {
	statetest.Run(t, func(*testing.T) bot.State { return bot.NewMemState() })
}
