// Package zalooa is hoibao's Zalo Official Account channel (OA API v3):
// webhook events verified by their X-ZEvent-Signature, replies through the
// customer-service message API, and access tokens refreshed before they
// expire, the single-use refresh token persisted at once and refreshed by
// one replica at a time.
package zalooa
