# Kafscope production image: built from Next's standalone output, run as a non-root user.
# docker build -t kafscope .
# docker run -p 9000:9000 -e KAFKA_BROKERCONNECT=broker:9092 kafscope   (a real cluster)
# docker run -p 9000:9000 kafscope                                       (the embedded demo)
# docker run -p 9000:9000 -e KAFKA_CLUSTERS_0_NAME=prod -e KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS=k1:9092 \
#   -e KAFKA_CLUSTERS_1_NAME=staging -e KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS=k2:9092 kafscope   (several)
# docker run -p 9000:9000 -v $PWD/kafscope.yaml:/etc/kafscope.yaml -e KAFSCOPE_CONFIG=/etc/kafscope.yaml kafscope
# docker build --build-arg KAFSCOPE_BASE_PATH=/kafscope -t kafscope .   (served under a proxy's /kafscope)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm install installs the locked tree when npm ci refuses a lockfile without other platforms' builds.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Next fixes the base path when it builds (scripts/build-settings.cjs); Kafdrop's name works too.
ARG KAFSCOPE_BASE_PATH
ARG SERVER_SERVLET_CONTEXTPATH
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && node scripts/prune-standalone.mjs

FROM node:20-bookworm-slim AS run
WORKDIR /app
ARG KAFSCOPE_BASE_PATH
ARG SERVER_SERVLET_CONTEXTPATH
# The health check asks under the base path the image was built with.
ENV KAFSCOPE_BASE_PATH=${KAFSCOPE_BASE_PATH} SERVER_SERVLET_CONTEXTPATH=${SERVER_SERVLET_CONTEXTPATH}
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    SERVER_PORT=9000 \
    KAFSCOPE_DATA_DIR=/app/data
# Without KAFKA_BROKERCONNECT the image runs the embedded demo cluster; its log lives in /app/data.
RUN groupadd --system kafscope && useradd --system --gid kafscope --home /app kafscope \
 && mkdir -p /app/data && chown kafscope:kafscope /app/data
COPY --from=build --chown=kafscope:kafscope /app/.next/standalone ./
COPY --from=build --chown=kafscope:kafscope /app/.next/static ./.next/static
COPY --from=build --chown=kafscope:kafscope /app/public ./public
USER kafscope
VOLUME ["/app/data"]
EXPOSE 9000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.SERVER_PORT||9000)+((process.env.KAFSCOPE_BASE_PATH||process.env.SERVER_SERVLET_CONTEXTPATH||'')+'/api/health').replace(/\/+/g,'/')).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same variables as `npm start`: SERVER_PORT and HOST (Next's standalone server reads PORT/HOSTNAME).
CMD ["sh", "-c", "PORT=\"${SERVER_PORT:-9000}\" HOSTNAME=\"${HOST:-0.0.0.0}\" exec node --heap-growing-percent=20 server.js"]
