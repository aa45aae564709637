package bot

import "net/http"

// Status maps an outcome to the HTTP status the API answers with and to the
// label metrics count it under. It is the one place that does either; an
// unknown outcome counts as internal, so labels stay a fixed set.
func (o Outcome) Status() (httpStatus int, label string) {
	switch o {
	case OutcomeOK, OutcomeAnswered, OutcomeRefused:
		return http.StatusOK, string(o)
	case OutcomeInvalid:
		return http.StatusBadRequest, string(o)
	case OutcomeNotFound:
		return http.StatusNotFound, string(o)
	case OutcomeRateLimited:
		return http.StatusTooManyRequests, string(o)
	case OutcomeForbidden:
		return http.StatusForbidden, string(o)
	case OutcomeUnavailable:
		return http.StatusServiceUnavailable, string(o)
	}
	return http.StatusInternalServerError, string(OutcomeInternal)
}

// Examples returns two or three questions the loaded articles can answer,
// for channels that offer them as buttons.
func (b *Bot) Examples() []string { return b.examples() }
