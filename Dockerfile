# One image recipe for both services: docker build --build-arg SERVICE=command-service .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl ${SERVICE} -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER 1000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
