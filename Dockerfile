# The app's image: built from source in a JDK stage, run on a JRE as a non-root user. `docker compose build` uses it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health check; the app's user owns only its data folder
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin shisha \
    && mkdir -p /app/data && chown shisha /app/data
WORKDIR /app
COPY --from=build /src/app/target/app-0.1.0-SNAPSHOT.jar /app/app.jar
USER 10001
ENV SHISHA_DATA_DIR=/app/data
EXPOSE 8080
# production answers health on its management port, on loopback inside the container
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://127.0.0.1:${SHISHA_MANAGEMENT_PORT:-8081}/actuator/health || exit 1
# heap: half the container's memory limit, leaving the other half for native memory: the two Vosk models (about
# 300 MB each at run time by alphacephei's account, not measured here), the ONNX runtime, FFmpeg, thread stacks
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/app.jar"]
