# Multi-stage build of YouGuan. The image runs as a non-root user and expects an external PostgreSQL
# (YOUGUAN_DB_URL, YOUGUAN_DB_USER, YOUGUAN_DB_PASSWORD); without it the embedded PostgreSQL starts in /data.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system youguan && useradd --system --gid youguan --home /data youguan \
    && mkdir -p /data && chown youguan:youguan /data
WORKDIR /app
COPY --from=build /src/target/youguan.jar /app/youguan.jar
USER youguan
ENV YOUGUAN_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/youguan.jar"]
