package redisstore_test

import (
	"testing"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/statetest"
)

// The Redis chat state passes the same contract as the in-memory one.
func TestStateContract(t *testing.T) {
	rdb := testClient(t)
	statetest.Run(t, func(t *testing.T) bot.State { return newStore(t, rdb, testPrefix(t, rdb)) })
}
