import structlog
from fastapi import FastAPI
from openfeature import api

log = structlog.get_logger()
flags = api.get_client("recommendations")
app = FastAPI(title="recommendations")


@app.get("/products/{sku}/also-bought")
def also_bought(sku: str) -> list[str]:
    arm = flags.get_string_value("also-bought-model", "baseline")
    log.info("also_bought", sku=sku, arm=arm)
    return []
