while pgrep -f "wt-audit18b.*vite build" >/dev/null || ! [ -f dist/renderer/index.html ]; do sleep 5; done
nice npx jest --runTestsByPath tests/e2e/training.test.ts --maxWorkers=1 > /tmp/a18b-e2e.log 2>&1
echo done >> /tmp/a18b-e2e.log
