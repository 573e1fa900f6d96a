# LSTM Explorer for a school server or a container platform: scripts/serve.sh runs N Streamlit replicas
# behind nginx (sticky sessions, websockets). Not built or run in this project's CI (no Docker engine
# there); scripts/serve.sh itself is tested (tests/browser/test_replicas.py).
#   docker build -t lstm-explorer . && docker run -p 8500:8500 -e REPLICAS=2 lstm-explorer
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev nginx-light \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
ENV REPLICAS=2
EXPOSE 8500
CMD ["sh", "-c", "exec bash scripts/serve.sh --replicas ${REPLICAS} --port 8500 --host 0.0.0.0"]
