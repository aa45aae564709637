# Build a static binary, then run it as a non-root user on a minimal image
# that has CA certificates (for Telegram, Zalo and model APIs over HTTPS).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/hoibao .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hoibao /usr/local/bin/hoibao
WORKDIR /home/nonroot
ENV HOIBAO_LOG_FORMAT=json \
    HOIBAO_DATA_DIR=/home/nonroot/data \
    HOIBAO_HTTP_ADDR=:8080
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/hoibao"]
CMD ["serve"]
