import asyncio
import time


async def fetch(name, seconds):
    print(f"{name}: asks, then waits {seconds} s")
    await asyncio.sleep(seconds)  # hands the thread back to the loop until the wait is over
    print(f"{name}: has its answer")
    return name.upper()


async def main():
    pending = fetch("a", 0.2)
    print("fetch('a', 0.2) ran nothing yet; it made a", type(pending).__name__)
    pending.close()  # never awaited: discard it cleanly
    started = time.perf_counter()
    results = await asyncio.gather(fetch("a", 0.2), fetch("b", 0.1))
    print(results, f"after {time.perf_counter() - started:.1f} s")


asyncio.run(main())
