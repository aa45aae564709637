package bot

import (
	"net/http"
	"testing"
)

func TestOutcomeStatus(t *testing.T) {
	for _, tc := range []struct {
		o      Outcome
		status int
		label  string
	}{
		{OutcomeOK, http.StatusOK, "ok"},
		{OutcomeAnswered, http.StatusOK, "answered"},
		{OutcomeRefused, http.StatusOK, "refused"},
		{OutcomeInvalid, http.StatusBadRequest, "invalid"},
		{OutcomeNotFound, http.StatusNotFound, "not_found"},
		{OutcomeRateLimited, http.StatusTooManyRequests, "rate_limited"},
		{OutcomeForbidden, http.StatusForbidden, "forbidden"},
		{OutcomeUnavailable, http.StatusServiceUnavailable, "unavailable"},
		{OutcomeInternal, http.StatusInternalServerError, "internal"},
		{"made-up", http.StatusInternalServerError, "internal"},
	} {
		status, label := tc.o.Status()
		if status != tc.status || label != tc.label {
			t.Errorf("%q.Status() = %d, %q; want %d, %q", tc.o, status, label, tc.status, tc.label)
		}
	}
}
