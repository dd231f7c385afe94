# The mock API in a container, installed from the tarball that `npm pack` writes:
#
#   npm pack && docker build -t webcast-mock . && docker run --rm -p 4010:4010 webcast-mock
#
# `npm run pack-check` (test/pack-check.mjs) runs this file's install command, HEALTHCHECK and CMD
# on the very tarball, so keep to the shapes it reads: one COPY of the tarball, RUN lines of
# `npm install --global …`, `rm` and `npm cache clean`, exec-form HEALTHCHECK and CMD. It also
# fails when the tarball's name below is not the one npm pack writes: bump it with the version.
FROM node:20-alpine

COPY webcast-mock-0.1.0.tgz /tmp/
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/webcast-mock-0.1.0.tgz \
  && rm /tmp/webcast-mock-0.1.0.tgz \
  && npm cache clean --force

USER node
EXPOSE 4010
# Alpine has no curl: Node's fetch asks the mock's own readiness endpoint, which answers 503 once a
# stop signal has come (and a refused connection exits 1, as an unhandled rejection).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4010/_mock/health').then((r) => process.exit(r.ok ? 0 : 1))"]
# Node runs as PID 1: the command handles SIGTERM and SIGINT itself (server/cli/main.ts), lets the
# requests in flight finish and exits 0, so `docker stop` needs no init process. Docker sends
# SIGKILL after 10 s, the mock waits up to 30 (--shutdown-grace): `docker stop -t 35` for long reports.
CMD ["webcast-mock", "serve", "--host", "0.0.0.0", "--port", "4010"]
