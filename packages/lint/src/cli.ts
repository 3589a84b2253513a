console.log('mlops-lint');
