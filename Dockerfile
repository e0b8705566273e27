# The app's image: built from source in a JDK stage, run on a JRE as a non-root user. `docker compose build` uses it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -ntp -DskipTests package

# Vosk's official small speech models, baked in so voice notes work from the first start: the compose stack's own
# fetch script, which refuses an archive whose size, MD5 (alphacephei's) or pinned SHA-256 differs
FROM eclipse-temurin:17-jdk AS models
RUN apt-get update && apt-get install -y --no-install-recommends curl unzip && rm -rf /var/lib/apt/lists/*
COPY scripts/fetch-vosk-models.sh /fetch/fetch-vosk-models.sh
COPY deploy/vosk-models.sha256 /fetch/vosk-models.sha256
RUN VOSK_DIR=/models VOSK_SHA256_FILE=/fetch/vosk-models.sha256 sh /fetch/fetch-vosk-models.sh

FROM eclipse-temurin:17-jre
# curl for the health check; the app's user owns only its data folder
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin shisha \
    && mkdir -p /app/data && chown shisha /app/data
WORKDIR /app
COPY --from=build /src/app/target/app-0.1.0-SNAPSHOT.jar /app/app.jar
COPY --from=models /models /app/models
USER 10001
# the folder names are the models' names in scripts/fetch-vosk-models.sh (and voice/speech-models.tsv)
ENV SHISHA_DATA_DIR=/app/data VOSK_MODEL_PATH=/app/models/vosk-model-small-en-in-0.4 \
    VOSK_MODEL_PATH_HI=/app/models/vosk-model-small-hi-0.22
EXPOSE 8080
# production answers health on its management port, on loopback inside the container
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://127.0.0.1:${SHISHA_MANAGEMENT_PORT:-8081}/actuator/health || exit 1
# heap: half the container's memory limit, leaving the other half for native memory: the two Vosk models (about
# 300 MB each at run time by alphacephei's account, not measured here), the ONNX runtime, FFmpeg, thread stacks
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/app.jar"]
