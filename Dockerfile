# syntax=docker/dockerfile:1.7
# Sibyl images, one Dockerfile for all four. Build from the repository root (the context needs the
# whole Nx workspace) and name the image with APP (gateway, predictor, dashboard or models):
#   docker build --build-arg APP=gateway -t sibyl/gateway:dev .
# Stages: workspace (npm ci + sources; shared by all four builds, so BuildKit installs once)
#         build     (`nx build $APP`, its output dist/<apps|tools>/$APP moved to /workspace/out:
#                    main.js plus the package.json and package-lock.json webpack generates)
#         deps      (production dependencies of that package.json only, no dev dependencies)
#         runtime   (node slim, code owned by root, non-root uid 1000, writes nothing outside /tmp)
#         gateway | dashboard | predictor | models: what each image adds; the last stage is $APP's.
# Without APP the build stops at once and says how to name the image.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim
ARG APP=no-app

FROM ${NODE_IMAGE} AS no-app
RUN echo 'name the image: docker build --build-arg APP=gateway|predictor|dashboard|models .' >&2 \
 && exit 1

FROM ${NODE_IMAGE} AS workspace
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY package.json package-lock.json ./
# --ignore-scripts: the build needs no native add-ons (the optional benchmark baselines are skipped).
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts
COPY . .

FROM workspace AS build
ARG APP
RUN npx nx build ${APP} && mv dist/*/${APP} out

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /workspace/out/package.json /workspace/out/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/out/ ./
USER 1000:1000
CMD ["node", "main.js"]

FROM runtime AS gateway
ENV GATEWAY_HOST=0.0.0.0 GATEWAY_PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.GATEWAY_PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# The server (main.js) serves the browser bundle `nx build dashboard` writes beside it (web/).
FROM runtime AS dashboard
ENV DASHBOARD_HOST=0.0.0.0 DASHBOARD_PORT=3001
RUN test -d web
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASHBOARD_PORT||3001)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# The predictor's model artifact (models/langid/langid.model, git-ignored) is COPIED into the image:
# the model version ships and rolls back with the image (GET /health/ready and sibyl_model_info
# report it), autoscaled pods need no shared volume or download at start. If the build context has
# no artifact (`npm run langid -- train` makes one), this stage trains it with the repository's CLI.
# To run another model without rebuilding, mount it read-only and point MODEL_PATH at it:
#   docker run -v "$PWD/models/langid:/models:ro" -e MODEL_PATH=/models/langid.model sibyl/predictor:dev
FROM workspace AS model
RUN if [ ! -f models/langid/langid.model ]; then npm run langid -- train; fi \
 && test -s models/langid/langid.model

FROM runtime AS predictor
ENV PREDICTOR_HOST=0.0.0.0 PREDICTOR_PORT=3002 \
    MODEL_PATH=/app/models/langid/langid.model
COPY --from=model /workspace/models/langid/langid.model ./models/langid/langid.model
EXPOSE 3002
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PREDICTOR_PORT||3002)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains the in-flight batch within SHUTDOWN_TIMEOUT_MS (docker stop -t / compose stop_grace_period).

# The model registry CLI (`models`, tools/models) with the evaluation data `add` and `verify` read,
# for the re-verification CronJob (deploy/k8s/components/model-verification) and for operators
# (`kubectl run … -- promote V`): data/corpus (the held-out split is rebuilt from it per model),
# data/eval (UDHR sets) and their licences under MODELS_ROOT=/app. `verify` writes its JSON report
# to /app/reports/models (mount a writable volume there; the result itself is recorded in the
# registry's changelog). A command-line tool, not a server: no port, no health check.
#   docker run sibyl/models:dev list
FROM runtime AS models
ENV MODELS_ROOT=/app
COPY --from=workspace /workspace/data/corpus ./data/corpus
COPY --from=workspace /workspace/data/eval ./data/eval
COPY --from=workspace /workspace/data/LICENSES ./data/LICENSES
ENTRYPOINT ["node", "main.js"]
CMD ["help"]

FROM ${APP}
