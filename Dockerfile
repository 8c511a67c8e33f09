# syntax=docker/dockerfile:1
#
# Rolemap: the API (and the built web app) on one port.
#
#   docker build -t rolemap .
#   docker run -p 3000:3000 -v rolemap-data:/data rolemap   # embedded database in /data
#   docker compose up -d                                    # with PostgreSQL: docker-compose.yml
#
# Configuration is the same environment as `npm start`: PORT, HOST, DATABASE_URL, DATA_DIR,
# LOG_LEVEL, BODY_LIMIT, APP_ORIGIN, TRUST_PROXY, … (see apps/api/src/env.ts).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- Node 20 with the npm the repository pins (package.json "packageManager"; the image
# ships npm 10, which ignores the "allowScripts" policy of package.json).
FROM ${NODE_IMAGE} AS base
RUN npm install -g npm@11.19.1 --no-audit --no-fund && npm cache clean --force

# --- Every package.json of the repository, at its path: the dependency layer below is
# rebuilt only when one of them (or the lockfile) changes, and a new workspace needs no
# edit here.
FROM base AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name package.json -not -path "*/node_modules/*" -exec cp --parents {} /manifests/ \;

# --- Install, build, then drop the development dependencies.
FROM base AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
COPY --from=manifests /manifests/ ./
COPY package-lock.json .npmrc ./
# The root postinstall (`node scripts/prisma.mjs generate`) runs inside `npm install`: it needs
# the Prisma schema, prisma.config.ts (and the patch it imports) and the script itself.
COPY prisma.config.ts ./
COPY prisma/ prisma/
COPY scripts/prisma.mjs scripts/
# Exactly the lockfile, as .ci/run does.
RUN npm ci --no-audit --no-fund
COPY . .
# Builds every workspace that has a `build` script (the web app), so `npm start` finds it
# built and serves it; then keeps only what runs in production. The Prisma client generated
# by the postinstall (apps/api/src/generated) stays.
RUN npx turbo run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .turbo

# --- Runtime: sources and production node_modules, owned by root, run as `node`.
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    LOG_LEVEL=info \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false
WORKDIR /app
# The embedded database lives here when DATABASE_URL is not set; mount a volume on it.
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `node scripts/start.mjs` is what the root `npm start` runs, without npm in between: npm
# runs a script through `sh -c`, and on SIGTERM (what `docker stop` sends) it forwards the
# signal to that shell, which dies and leaves the server to be SIGKILLed with the
# container — no graceful shutdown. Started directly, the server receives SIGTERM,
# finishes in-flight requests, closes the database and exits 0. The web app was built
# above, so start.mjs goes straight to the server. Keep this in step with package.json.
CMD ["node", "scripts/start.mjs"]
