const fs = require('node:fs');
const { src, dest, task } = require('gulp');

task('clean', (done) => {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
});

// tsc emits only code; n8n also needs the icons beside it. Nodes and credentials reference them
// as file:../icons/<name>.svg (file:../../icons/… from a node folder), so dist/icons mirrors icons/.
task('build:icons', () => src('icons/*.svg').pipe(dest('dist/icons')));
